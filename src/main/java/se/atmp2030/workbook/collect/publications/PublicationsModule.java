package se.atmp2030.workbook.collect.publications;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link PublicationsCollector}. */
public final class PublicationsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(PublicationsCollector.class);
    }
}
