package se.atmp2030.workbook.cli;

/** A command that prints through the {@link Console} the command line gives it. */
abstract class ConsoleCommand implements Main.ConsoleAware {
    protected Console console;

    @Override
    public void console(Console console) {
        this.console = console;
    }
}
