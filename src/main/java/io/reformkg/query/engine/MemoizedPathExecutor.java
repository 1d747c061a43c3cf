package io.reformkg.query.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.iterator.QueryIterYieldN;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.path.PathLib;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;

/**
 * ARQ's executor (TDB2's, which is ARQ's own for any other store) with property paths walked once
 * per start node and query. ARQ evaluates a path joined to other patterns once per row: in
 * {@code ?measure rkg:promotionScope/rkg:coversRegion ?region . ?place schema:containedInPlace* ?region}
 * it walks up from the same {@code ?place} for each of a hundred thousand measures. Here a walk
 * with one end bound is kept for the rest of the execution ({@link PathMemo}) and each row reads
 * it; the answers, repetitions included, are ARQ's (its {@code PathLib.execTriplePath}, which is
 * used as it is when neither end is bound).
 */
public final class MemoizedPathExecutor extends OpExecutorTDB2 {
    /** Install in a dataset's or query's context with {@code QC.setFactory}. */
    public static final OpExecutorFactory FACTORY = MemoizedPathExecutor::new;

    private MemoizedPathExecutor(ExecutionContext execCxt) {
        super(execCxt);
    }

    @Override
    protected QueryIterator execute(OpPath opPath, QueryIterator input) {
        TriplePath triplePath = opPath.getTriplePath();
        Path path = triplePath.isTriple() ? new P_Link(triplePath.getPredicate()) : triplePath.getPath();
        return new QueryIterRepeatApply(input, execCxt) {
            @Override
            protected QueryIterator nextStage(Binding binding) {
                return walk(binding, triplePath, path, getExecContext());
            }
        };
    }

    private static QueryIterator walk(Binding binding, TriplePath triplePath, Path path, ExecutionContext execCxt) {
        Node subject = Var.lookup(binding, triplePath.getSubject());
        Node object = Var.lookup(binding, triplePath.getObject());
        boolean subjectBound = !Var.isVar(subject);
        boolean objectBound = !Var.isVar(object);
        if (!subjectBound && !objectBound) {
            return PathLib.execTriplePath(binding, triplePath, execCxt);
        }
        Graph graph = execCxt.getActiveGraph();
        PathMemo memo = PathMemo.of(execCxt.getContext());
        if (subjectBound && objectBound) {
            int matches = 0;
            for (Node end : memo.ends(graph, subject, path, true, execCxt.getContext())) {
                if (end.sameValueAs(object)) {
                    matches++;
                }
            }
            return new QueryIterYieldN(matches, binding, execCxt);
        }
        List<Node> ends = subjectBound ? memo.ends(graph, subject, path, true, execCxt.getContext())
                : memo.ends(graph, object, path, false, execCxt.getContext());
        Var unbound = Var.alloc(subjectBound ? object : subject);
        List<Binding> rows = new ArrayList<>(ends.size());
        for (Node end : ends) {
            rows.add(BindingFactory.binding(binding, unbound, end));
        }
        return QueryIterPlainWrapper.create(rows.iterator(), execCxt);
    }
}
