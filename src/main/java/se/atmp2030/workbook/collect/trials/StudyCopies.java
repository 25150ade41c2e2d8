package se.atmp2030.workbook.collect.trials;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every copy of every study in the files of one build, in little memory (a few ints per study, so that a full registry
 * export fits), to decide for each study found more than once which copy to keep:
 * <ul>
 *   <li>the copy kept is the most recently updated (Last Update Posted); on a tie, the JSON (richer) over the CSV, then
 *       the later file;</li>
 *   <li>the copy classified is the one with the most intervention text: the CSV download has intervention names only,
 *       the JSON their descriptions and other names too, where most ATMP terms are.</li>
 * </ul>
 */
final class StudyCopies {
    /** Which copy of a study is kept, and which copy's interventions classify it: copies are (file, ordinal in file). */
    record Decision(int keptFile, int keptOrdinal, int classifiedFile, int classifiedOrdinal, int copies) {
        boolean kept(int file, int ordinal) {
            return file == keptFile && ordinal == keptOrdinal;
        }

        boolean classified(int file, int ordinal) {
            return file == classifiedFile && ordinal == classifiedOrdinal;
        }
    }

    private static final int NO_DATE = Integer.MIN_VALUE;

    private int size;
    private int[] nct = new int[1024];
    private int[] updated = new int[1024];
    private int[] text = new int[1024];
    private int[] file = new int[1024];
    private int[] ordinal = new int[1024];
    private boolean[] json = new boolean[1024];

    void add(Trial trial, int fileIndex, int ordinalInFile) {
        if (size == nct.length) {
            int capacity = size * 2;
            nct = Arrays.copyOf(nct, capacity);
            updated = Arrays.copyOf(updated, capacity);
            text = Arrays.copyOf(text, capacity);
            file = Arrays.copyOf(file, capacity);
            ordinal = Arrays.copyOf(ordinal, capacity);
            json = Arrays.copyOf(json, capacity);
        }
        nct[size] = trial.number();
        updated[size] = trial.lastUpdate() == null ? NO_DATE : (int) trial.lastUpdate().toEpochDay();
        text[size] = trial.interventionText();
        file[size] = fileIndex;
        ordinal[size] = ordinalInFile;
        json[size] = "JSON".equals(trial.format());
        size++;
    }

    /** The decision for every study with more than one copy, by NCT number. */
    Map<Integer, Decision> decide() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(nct[a], nct[b]));
        Map<Integer, Decision> decisions = new HashMap<>();
        int i = 0;
        while (i < size) {
            int j = i;
            while (j < size && nct[order[j]] == nct[order[i]]) {
                j++;
            }
            if (j - i > 1) {
                int kept = order[i];
                int classified = order[i];
                for (int k = i + 1; k < j; k++) {
                    int c = order[k];
                    if (newer(c, kept)) {
                        kept = c;
                    }
                    if (text[c] > text[classified] || text[c] == text[classified] && json[c] && !json[classified]) {
                        classified = c;
                    }
                }
                decisions.put(nct[order[i]], new Decision(file[kept], ordinal[kept], file[classified], ordinal[classified],
                        j - i));
            }
            i = j;
        }
        return decisions;
    }

    private boolean newer(int a, int b) {
        if (updated[a] != updated[b]) {
            return updated[a] > updated[b];
        }
        if (json[a] != json[b]) {
            return json[a];
        }
        return file[a] > file[b] || file[a] == file[b] && ordinal[a] > ordinal[b];
    }
}
