package dev.plinth.verify;

import static dev.plinth.verify.Fixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.plinth.testjars.TestJar;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiFingerprintTest {
    private static final String FILTER = "package com.acme.api; public interface Filter {"
            + " String apply(String s); default void close() { } }";
    private static final String REQUEST = "package com.acme.api; public class Request {"
            + " public static final int MAX = 3; protected long id; private int secret;"
            + " public String body() { return \"\"; } void internal() { } }";

    @TempDir
    Path dir;

    private ApiFingerprint fingerprint(String name, String... namesAndSources) throws Exception {
        Path classes = api(dir.resolve(name), namesAndSources);
        return ApiFingerprint.of(HostApi.of(Set.of("com.acme.api"), List.of(classes))).orElseThrow();
    }

    @Test
    void linesListPublicAndProtectedMembersOfSharedPackagesSorted() throws Exception {
        ApiFingerprint fp = fingerprint("a", "com.acme.api.Filter", FILTER, "com.acme.api.Request", REQUEST,
                "com.acme.api.Hidden", "package com.acme.api; class Hidden { public void x() { } }",
                "com.acme.impl.Engine", "package com.acme.impl; public class Engine { }");

        assertThat(fp.lines()).containsExactly(
                "field com.acme.api.Request MAX:I public static final",
                "field com.acme.api.Request id:J protected",
                "method com.acme.api.Filter apply(Ljava/lang/String;)Ljava/lang/String; public abstract",
                "method com.acme.api.Filter close()V public default",
                "method com.acme.api.Request <init>()V public",
                "method com.acme.api.Request body()Ljava/lang/String; public",
                "type com.acme.api.Filter public abstract interface extends java.lang.Object",
                "type com.acme.api.Request public extends java.lang.Object");
        assertThat(fp.fingerprint()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void fingerprintChangesWithTheApiButNotWithPrivateDetailsOrTheClassPathLayout() throws Exception {
        ApiFingerprint base = fingerprint("a", "com.acme.api.Filter", FILTER, "com.acme.api.Request", REQUEST);
        ApiFingerprint privateChange = fingerprint("b", "com.acme.api.Filter", FILTER, "com.acme.api.Request",
                REQUEST.replace("private int secret;", "private String secret; private void helper() { }"));
        ApiFingerprint added = fingerprint("c", "com.acme.api.Filter", FILTER, "com.acme.api.Request",
                REQUEST.replace("void internal()", "public String header(String n) { return n; } void internal()"));
        Path jar = TestJar.named("api").source("com.acme.api.Filter", FILTER).source("com.acme.api.Request", REQUEST)
                .writeTo(dir);
        ApiFingerprint fromJar = ApiFingerprint.of(Set.of("com.acme.api"), List.of(jar));

        assertThat(privateChange.fingerprint()).isEqualTo(base.fingerprint());
        assertThat(fromJar.fingerprint()).isEqualTo(base.fingerprint());
        assertThat(added.fingerprint()).isNotEqualTo(base.fingerprint());
        assertThat(added.lines()).contains("method com.acme.api.Request header(Ljava/lang/String;)Ljava/lang/String;"
                + " public");
    }

    @Test
    void hostBuiltFromAClassLoaderHasNoFingerprint() {
        HostApi host = HostApi.of(Set.of("com.acme.api"), ApiFingerprintTest.class.getClassLoader());

        assertThat(ApiFingerprint.of(host)).isEmpty();
    }
}
