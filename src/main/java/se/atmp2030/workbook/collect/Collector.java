package se.atmp2030.workbook.collect;

import java.io.IOException;
import java.util.List;

/**
 * A plugin that reads one part of the report's data from {@code inputs/} and returns it as tidy, typed tables.
 *
 * <p>Each collector is bound from its own Guice module through a {@link com.google.inject.multibindings.Multibinder};
 * the build runs whatever collectors are bound, in the order of their {@link #requires()} and then by {@link #name()}:
 *
 * <pre>{@code
 * public final class CarTInfusionsModule extends AbstractModule {
 *     protected void configure() {
 *         Multibinder.newSetBinder(binder(), Collector.class).addBinding().to(CarTInfusionsCollector.class);
 *     }
 * }
 * }</pre>
 *
 * A plugin jar announces its module in {@code META-INF/services/com.google.inject.Module} and is dropped into
 * {@code plugins/}; see the README.
 *
 * <p>A collector reports bad values to {@link CollectContext#problems()} and keeps going, so that the user sees every
 * problem at once; it throws only when a file cannot be read at all.
 */
public interface Collector {
    /** A short, unique, kebab-case name, e.g. {@code clinical-trials}. */
    String name();

    /** One line on what the collector reads, for {@code collectors}. */
    String description();

    /** The datasets (table names) this collector produces. */
    List<String> datasets();

    /** The files it reads, relative to the inputs folder. */
    List<InputSpec> inputs();

    /** Datasets of other collectors that must be collected first and that {@link CollectContext#dataset} then gives. */
    default List<String> requires() {
        return List.of();
    }

    /**
     * Globs of files in the collector's folder that it leaves unread on purpose (the parts of a registry extract it
     * does not need), so that they are not reported as unread.
     */
    default List<String> ignores() {
        return List.of();
    }

    /** Reads the inputs and returns one {@link Dataset} per name in {@link #datasets()}. */
    List<Dataset> collect(CollectContext context) throws IOException;
}
