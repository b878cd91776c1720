package dev.plinth.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The doctor's output formats, selected with {@code --format text|json|sarif}. */
enum ReportFormat {
    TEXT, JSON, SARIF;

    String render(DoctorReport report, boolean colour) {
        return switch (this) {
            case TEXT -> TextReport.render(report, colour);
            case JSON -> JsonReport.render(report);
            case SARIF -> SarifReport.render(report);
        };
    }

    /** Parses the lower-case names picocli shows in the usage help. */
    static final class Converter implements ITypeConverter<ReportFormat> {
        @Override
        public ReportFormat convert(String value) {
            return parse(ReportFormat.class, value);
        }
    }

    /** A constant by its case-insensitive name, or a conversion error listing the valid names. */
    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + " but was '" + value + "'");
    }
}
