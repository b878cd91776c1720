package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.REQUEST_V1;
import static dev.plinth.verify.Fixtures.api;
import static dev.plinth.verify.Fixtures.host;
import static dev.plinth.verify.Fixtures.only;
import static dev.plinth.verify.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingImplementationCheckTest {
    private static final String FILTER_V1 = "package com.acme.api; public interface Filter {"
            + " String apply(Request r); }";
    private static final String UPPER = "package com.acme; import com.acme.api.*;"
            + " public class Upper implements Filter { public String apply(Request r) { return r.body(); } }";

    @TempDir
    Path dir;

    private Path upperBuiltAgainstV1() throws Exception {
        Path v1 = api(dir.resolve("v1"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter", FILTER_V1);
        return TestJar.named("upper").plugin("upper", "1.0").classpath(v1).source("com.acme.Upper", UPPER)
                .writeTo(dir);
    }

    @Test
    void abstractMethodAddedInHostApiIsReportedAsAbstractMethodError() throws Exception {
        Path jar = upperBuiltAgainstV1();
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter",
                "package com.acme.api; public interface Filter { String apply(Request r); void close(); }");

        assertThat(only(verify(host(v2), jar), FindingCode.API_MISMATCH)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).isEqualTo("com.acme.Upper: does not implement com.acme.api.Filter.close()"
                    + " added in the host API; calls will throw AbstractMethodError");
            assertThat(f.fix()).isEqualTo("implement close() in com.acme.Upper and rebuild the plugin against the"
                    + " host's API version");
        });
    }

    @Test
    void defaultMethodAddedInHostApiIsCompatible() throws Exception {
        Path jar = upperBuiltAgainstV1();
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter",
                "package com.acme.api; public interface Filter { String apply(Request r);"
                        + " default void close() { } }", "com.acme.api.Sink",
                "package com.acme.api; public interface Sink { void accept(String s); }");

        assertThat(verify(host(v2), jar)).isEmpty();
    }

    @Test
    void abstractMethodImplementedByASuperclassOrInheritedDefaultIsNotReported() throws Exception {
        Path v2 = api(dir.resolve("v2"), "com.acme.api.Request", REQUEST_V1, "com.acme.api.Filter",
                "package com.acme.api; public interface Filter { String apply(Request r); void close(); }",
                "com.acme.api.Closing", "package com.acme.api; public interface Closing extends Filter {"
                        + " default void close() { } }");
        Path jar = TestJar.named("upper").plugin("upper", "1.0").classpath(v2)
                .source("com.acme.Base", "package com.acme; public abstract class Base"
                        + " implements com.acme.api.Filter { public void close() { } }")
                .source("com.acme.Upper", "package com.acme; import com.acme.api.*;"
                        + " public class Upper extends Base { public String apply(Request r) { return \"\"; } }")
                .source("com.acme.Lower", "package com.acme; import com.acme.api.*;"
                        + " public class Lower implements Closing { public String apply(Request r) { return \"\"; } }")
                .writeTo(dir);

        assertThat(verify(host(v2), jar)).isEmpty();
    }
}
