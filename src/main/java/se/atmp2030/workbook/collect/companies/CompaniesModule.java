package se.atmp2030.workbook.collect.companies;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the collector of the developer register and employees. */
public final class CompaniesModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(CompaniesCollector.class);
    }
}
