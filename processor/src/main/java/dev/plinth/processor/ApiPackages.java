package dev.plinth.processor;

import java.util.Arrays;
import java.util.List;

/**
 * Which implemented interfaces an {@code @Extension} without a value registers for: those in the packages of
 * {@code -Aplinth.apiPackages} (and their subpackages), or, without the option, every interface outside the JDK.
 *
 * @param packages the API packages; empty when the option is absent
 */
record ApiPackages(List<String> packages) {
    private static final String PLINTH_API = "dev.plinth.api";
    private static final List<String> JDK = List.of("java", "javax", "jdk", "sun", "com.sun");

    ApiPackages {
        packages = List.copyOf(packages);
    }

    /** Parses the option's comma-separated value; null or blank means no restriction but the JDK's. */
    static ApiPackages parse(String option) {
        if (option == null) {
            return new ApiPackages(List.of());
        }
        return new ApiPackages(Arrays.stream(option.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .toList());
    }

    /** Whether an interface in this package is an extension point. */
    boolean allows(String packageName) {
        if (packages.isEmpty()) {
            return JDK.stream().noneMatch(p -> within(packageName, p));
        }
        return within(packageName, PLINTH_API) || packages.stream().anyMatch(p -> within(packageName, p));
    }

    /** How the rule reads in a message. */
    String describe() {
        return packages.isEmpty() ? "outside the JDK" : "in -A" + ExtensionProcessor.API_PACKAGES_OPTION + "="
                + String.join(",", packages);
    }

    private static boolean within(String packageName, String parent) {
        return packageName.equals(parent) || packageName.startsWith(parent + ".");
    }
}
