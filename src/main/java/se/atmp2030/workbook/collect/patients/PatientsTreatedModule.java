package se.atmp2030.workbook.collect.patients;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import se.atmp2030.workbook.collect.Collector;

/** Binds the {@link PatientsTreatedCollector}. */
public final class PatientsTreatedModule extends AbstractModule {
    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(PatientsTreatedCollector.class);
    }
}
