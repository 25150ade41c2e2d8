package se.atmp2030.workbook.collect.recommendations;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link RecommendationsCollector}. */
public final class RecommendationsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(RecommendationsCollector.class);
    }
}
