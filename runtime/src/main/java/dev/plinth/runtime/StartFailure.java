package dev.plinth.runtime;

import dev.plinth.verify.Finding;

/** Internal: a plugin could not start; carries the finding that says why and the exception behind it. */
final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Finding finding;

    StartFailure(Finding finding, Throwable cause) {
        super(finding.message(), cause);
        this.finding = finding;
    }
}
