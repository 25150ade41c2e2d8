package se.atmp2030.workbook.collect.cart;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link CarTInfusionsCollector}. */
public final class CarTInfusionsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(CarTInfusionsCollector.class);
    }
}
