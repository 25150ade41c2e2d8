package se.atmp2030.workbook.collect.trials;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import se.atmp2030.workbook.collect.Countries;

/**
 * The countries of a study's sites. The CSV download joins its locations with {@code |}, each
 * {@code Facility, City, [State, ][Zip, ]Country}; the country is matched against the registry's names, old and new,
 * which may hold a comma themselves ({@code Busan, Korea, Republic of}). A location that ends in no known country
 * ({@code Pfizer Investigational Site}, {@code Roth}) is kept aside as unplaced, never taken for a country.
 */
final class CtgLocations {
    final TreeSet<String> countries = new TreeSet<>();
    final List<String> unplaced = new ArrayList<>();

    /** From the CSV's Locations column. */
    static CtgLocations ofCsv(String locations) {
        CtgLocations result = new CtgLocations();
        if (locations != null) {
            for (String location : locations.split("\\|")) {
                if (location.isBlank()) {
                    continue;
                }
                Countries.endOf(location).ifPresentOrElse(c -> result.countries.add(c.name()),
                        () -> result.unplaced.add(location.strip()));
            }
        }
        return result;
    }

    /**
     * From one JSON location's {@code country}: the registry's own field, so a name the tool does not know is kept as
     * written; an empty one is unplaced.
     */
    void addJson(String country, String describe) {
        if (country == null || country.isBlank()) {
            unplaced.add(describe);
            return;
        }
        countries.add(Countries.byName(country).map(Countries.Country::name).orElse(country.strip()));
    }
}
