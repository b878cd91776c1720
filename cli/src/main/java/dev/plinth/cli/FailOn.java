package dev.plinth.cli;

import dev.plinth.verify.Severity;
import picocli.CommandLine.ITypeConverter;

/** The lowest severity that makes {@code plinth doctor} exit with 1, selected with {@code --fail-on}. */
enum FailOn {
    ERROR, WARNING, NEVER;

    int exitCode(DoctorReport report) {
        long failing = switch (this) {
            case ERROR -> report.count(Severity.ERROR);
            case WARNING -> report.count(Severity.ERROR) + report.count(Severity.WARNING);
            case NEVER -> 0;
        };
        return failing == 0 ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    /** Parses the lower-case names picocli shows in the usage help. */
    static final class Converter implements ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            return ReportFormat.parse(FailOn.class, value);
        }
    }
}
