package io.reformkg.explorer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the page needs to know about the server's data: the IRI base (to turn IRIs into links
 * on this server) and the data version.
 */
record SiteConfig(String base, String version) {
    byte[] json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("base", base);
        node.put("version", version);
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the explorer's configuration", e);
        }
    }
}
