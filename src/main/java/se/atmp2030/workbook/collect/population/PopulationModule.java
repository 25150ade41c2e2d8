package se.atmp2030.workbook.collect.population;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link PopulationCollector}. */
public final class PopulationModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(PopulationCollector.class);
    }
}
