package se.atmp2030.workbook.collect.jobs;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link JobPostingsCollector}. */
public final class JobPostingsModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(JobPostingsCollector.class);
    }
}
