package se.atmp2030.workbook.build;

import com.google.inject.Module;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds the Guice modules that bind collectors: the built-in ones and those of every jar in the plugins folder, each
 * announced in {@code META-INF/services/com.google.inject.Module}. Dropping a jar into {@code plugins/} adds its
 * collectors without a rebuild.
 */
public final class Plugins {
    /** A module and where it came from ({@code built-in} or the jar's file name). */
    public record Found(Module module, String origin) {
    }

    private final List<Found> modules;

    private Plugins(List<Found> modules) {
        this.modules = modules;
    }

    /** Discovers modules; a plugins folder that does not exist simply adds none. */
    public static Plugins discover(Path pluginsDir) throws IOException {
        List<Path> jars = new ArrayList<>();
        if (pluginsDir != null && Files.isDirectory(pluginsDir)) {
            try (Stream<Path> files = Files.list(pluginsDir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().forEach(jars::add);
            }
        }
        ClassLoader builtIn = Plugins.class.getClassLoader();
        List<Found> found = new ArrayList<>();
        for (Module module : ServiceLoader.load(Module.class, builtIn)) {
            found.add(new Found(module, "built-in"));
        }
        for (Path jar : jars) {
            // One loader per jar, so that each module is attributed to its jar; the parent gives them the app's classes.
            URLClassLoader loader = new URLClassLoader(new URL[] {url(jar)}, builtIn);
            for (ServiceLoader.Provider<Module> provider : ServiceLoader.load(Module.class, loader).stream().toList()) {
                if (provider.type().getClassLoader() == loader) {
                    found.add(new Found(provider.get(), jar.getFileName().toString()));
                }
            }
        }
        return new Plugins(found);
    }

    public List<Found> found() {
        return modules;
    }

    public List<Module> modules() {
        return modules.stream().map(Found::module).toList();
    }


    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("cannot load plugin " + jar, e);
        }
    }
}
