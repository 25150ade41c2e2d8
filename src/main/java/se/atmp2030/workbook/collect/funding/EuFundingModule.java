package se.atmp2030.workbook.collect.funding;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link EuFundingCollector}. */
public final class EuFundingModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(EuFundingCollector.class);
    }
}
