package se.atmp2030.workbook.engine;

import java.util.List;
import se.atmp2030.workbook.collect.Problem;

/** The inputs have problems: the build stops before writing anything. Carries every problem found. */
public final class BadInputException extends Exception {
    private final transient List<Problem> problems;

    public BadInputException(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the inputs");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
