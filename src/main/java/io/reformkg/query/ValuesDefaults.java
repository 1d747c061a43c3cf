package io.reformkg.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;

/**
 * A catalog query's parameters as the query itself gives them: {@code VALUES ?category {
 * <…/category/tech-finance> }} holds the default, so the file runs as written in any SPARQL
 * client. The runner binds another value by replacing the rows of those VALUES blocks on the
 * parsed query (in sub-queries too: a variable used in several scopes has a block in each), never
 * by editing the text.
 */
public final class ValuesDefaults {
    private ValuesDefaults() {
    }

    /** The query's VALUES blocks (its pattern's and its sub-queries'), by variable; a block of several variables under each. */
    static Map<Var, List<ElementData>> blocks(Query query) {
        Map<Var, List<ElementData>> blocks = new LinkedHashMap<>();
        collect(query, blocks);
        return blocks;
    }

    private static void collect(Query query, Map<Var, List<ElementData>> blocks) {
        if (query.getQueryPattern() == null) {
            return;
        }
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementData data) {
                data.getVars().forEach(variable -> blocks.computeIfAbsent(variable, key -> new ArrayList<>()).add(data));
            }

            @Override
            public void visit(ElementSubQuery subQuery) {
                collect(subQuery.getQuery(), blocks);
            }
        });
    }

    /**
     * Whether the query's own answer sees a VALUES block of {@code variable}: one in its pattern
     * outside sub-queries, or in a sub-query that projects the variable. A block only sub-queries
     * that do not project it see leaves the variable of that name in the answer free.
     */
    static boolean answerSees(Query query, Var variable) {
        if (query.getQueryPattern() == null) {
            return false;
        }
        boolean[] seen = {false};
        ElementWalker.walk(query.getQueryPattern(), new ElementVisitorBase() {
            @Override
            public void visit(ElementData data) {
                seen[0] |= data.getVars().contains(variable);
            }

            @Override
            public void visit(ElementSubQuery subQuery) {
                seen[0] |= subQuery.getQuery().getProjectVars().contains(variable)
                        && answerSees(subQuery.getQuery(), variable);
            }
        });
        return seen[0];
    }

    /**
     * Puts {@code values} in the query's VALUES blocks of those variables, one row each, in place.
     * Each variable must have blocks of that variable alone (the catalog checks it on load).
     */
    public static void bind(Query query, Map<Var, Node> values) {
        Map<Var, List<ElementData>> blocks = blocks(query);
        values.forEach((variable, value) -> {
            for (ElementData block : blocks.getOrDefault(variable, List.of())) {
                block.getRows().clear();
                block.add(BindingFactory.binding(variable, value));
            }
        });
    }
}
