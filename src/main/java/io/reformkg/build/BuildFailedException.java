package io.reformkg.build;

import io.reformkg.error.ReformKgException;
import io.reformkg.validation.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** The built graph violates the SHACL shapes: nothing is stored or served. */
public final class BuildFailedException extends ReformKgException {
    private final List<Finding> violations;

    public BuildFailedException(List<Finding> violations) {
        super("the graph violates " + violations.size() + " SHACL constraint(s):\n" + violations.stream()
                .limit(20).map(Finding::toString).collect(Collectors.joining("\n  ", "  ", "")));
        this.violations = List.copyOf(violations);
    }

    public List<Finding> violations() {
        return violations;
    }
}
