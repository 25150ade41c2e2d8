package se.atmp2030.workbook.collect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 21 Swedish regions, so that an analyst's "Region Skåne", "Skåne" and "skane" count as one region. The canonical
 * name is the region's short name ({@code Västra Götaland}).
 */
public final class SwedishRegions {
    public static final List<String> NAMES = List.of("Stockholm", "Uppsala", "Södermanland", "Östergötland", "Jönköping",
            "Kronoberg", "Kalmar", "Gotland", "Blekinge", "Skåne", "Halland", "Västra Götaland", "Värmland", "Örebro",
            "Västmanland", "Dalarna", "Gävleborg", "Västernorrland", "Jämtland Härjedalen", "Västerbotten", "Norrbotten");

    private static final Map<String, String> CHOICES = new HashMap<>();

    static {
        for (String name : NAMES) {
            CHOICES.put(Values.fold(name), name);
            CHOICES.put(Values.fold("Region " + name), name);
            CHOICES.put(Values.fold(ascii(name)), name);
            CHOICES.put(Values.fold("Region " + ascii(name)), name);
        }
        CHOICES.put(Values.fold("Västra Götalandsregionen"), "Västra Götaland");
        CHOICES.put(Values.fold("Region Jämtland"), "Jämtland Härjedalen");
        CHOICES.put(Values.fold("Jämtland"), "Jämtland Härjedalen");
    }

    private SwedishRegions() {
    }

    /** Parses a region name, accepting "Region X", the short name and the name without å, ä, ö. */
    public static String parse(String raw) throws InvalidValueException {
        return Values.oneOf(raw, CHOICES, "one of the 21 Swedish regions, e.g. Stockholm, Västra Götaland, Skåne");
    }

    private static String ascii(String name) {
        return name.replace('å', 'a').replace('ä', 'a').replace('ö', 'o').replace('Ö', 'O').replace('Å', 'A').replace('Ä', 'A');
    }
}
