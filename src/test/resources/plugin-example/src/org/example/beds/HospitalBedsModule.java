package org.example.beds;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the example collector; announced in META-INF/services/com.google.inject.Module. */
public final class HospitalBedsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(HospitalBedsCollector.class);
    }
}
