package io.reformkg.linkeddata;

import java.util.Objects;

/**
 * How the linked-data pages are mounted next to the SPARQL service. Build one with
 * {@link #create()}; {@link #defaults()} suits the standard server (dataset at {@code /kg}).
 */
public final class LinkedDataConfig {
    public static final String DEFAULT_DATASET_PATH = "/kg";

    private final String datasetPath;
    private final boolean explorerAtRoot;

    private LinkedDataConfig(Builder builder) {
        this.datasetPath = builder.datasetPath;
        this.explorerAtRoot = builder.explorerAtRoot;
    }

    public static Builder create() {
        return new Builder();
    }

    public static LinkedDataConfig defaults() {
        return create().build();
    }

    /** Where the server mounts the dataset, e.g. {@code /kg}; its SPARQL endpoint is {@code /kg/sparql}. */
    public String datasetPath() {
        return datasetPath;
    }

    /** Whether the explorer is served at the root, so that pages link to its views. */
    public boolean explorerAtRoot() {
        return explorerAtRoot;
    }

    public static final class Builder {
        private String datasetPath = DEFAULT_DATASET_PATH;
        private boolean explorerAtRoot;

        private Builder() {
        }

        public Builder datasetPath(String path) {
            Objects.requireNonNull(path, "datasetPath");
            if (!path.matches("/[A-Za-z0-9._~-]+")) {
                throw new IllegalArgumentException("the dataset path must be one path segment such as /kg; found \""
                        + path + "\"");
            }
            this.datasetPath = path;
            return this;
        }

        public Builder explorerAtRoot(boolean served) {
            this.explorerAtRoot = served;
            return this;
        }

        public LinkedDataConfig build() {
            return new LinkedDataConfig(this);
        }
    }
}
