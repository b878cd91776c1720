package dev.plinth.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionRangeTest {
    @ParameterizedTest(name = "{0} includes {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        ">=1.0.0 & <2.0.0; 1.0.0; true", ">=1.0.0 & <2.0.0; 1.9.9; true", ">=1.0.0 & <2.0.0; 2.0.0; false",
        ">=1.0.0 & <2.0.0; 0.9; false", ">1.0; 1.0.0; false", ">1.0; 1.0.1; true", "<=1.4; 1.4.0; true",
        "=1.2.3; 1.2.3; true", "=1.2.3; 1.2.4; false",
        "^1.2; 1.2.0; true", "^1.2; 1.9.0; true", "^1.2; 2.0.0; false", "^1.2; 1.1.9; false",
        "^0.3; 0.3.5; true", "^0.3; 0.4.0; false",
        "~1.2; 1.2.9; true", "~1.2; 1.3.0; false",
        "1.x; 1.7.3; true", "1.x; 2.0.0; false", "1.2.x; 1.2.0; true", "1.2.x; 1.3.0; false",
        "*; 9.9.9; true", "1.2.0; 1.2.0; true", "1.2.0; 3.0.0; true", "1.2.0; 1.1.0; false",
        "^1.0 || ^3.0; 3.1.0; true", "^1.0 || ^3.0; 2.1.0; false",
        ">=1.0.0; 2.0.0-rc.1; false", ">=2.0.0-rc.1; 2.0.0-rc.2; true", ">=2.0.0-rc.1; 2.0.0; true"})
    void rangesIncludeWhatSemverSays(String range, String version, boolean included) {
        assertThat(VersionRange.parse(range).includes(Version.parse(version))).isEqualTo(included);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"1.0.0-alpha; 1.0.0-alpha.1", "1.0.0-alpha.1; 1.0.0-beta",
        "1.0.0-beta.2; 1.0.0-beta.11", "1.0.0-rc.1; 1.0.0", "1.2; 1.2.1", "1.9.0; 1.10.0"})
    void versionsOrderAsSemverDoes(String lower, String higher) {
        assertThat(Version.parse(lower)).isLessThan(Version.parse(higher));
        assertThat(Version.parse("1.2")).isEqualTo(Version.parse("1.2.0"));
        assertThat(Version.parse("1.2.0+build.7")).isEqualByComparingTo(Version.parse("1.2.0"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {">=x; range '>=x': '>=x' is not a comparison such as >=1.0.0, <2.0, ^1.2,"
            + " ~1.2, 1.x or 1.2.0", ">=1 &; range '>=1 &' has an empty part"})
    void malformedRangesAreNamed(String range, String message) {
        assertThatThrownBy(() -> VersionRange.parse(range)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
