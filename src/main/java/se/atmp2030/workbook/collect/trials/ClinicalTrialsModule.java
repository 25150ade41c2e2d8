package se.atmp2030.workbook.collect.trials;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link ClinicalTrialsCollector}. */
public final class ClinicalTrialsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(ClinicalTrialsCollector.class);
    }
}
