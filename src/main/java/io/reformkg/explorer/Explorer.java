package io.reformkg.explorer;

import io.reformkg.http.MountedServlet;
import io.reformkg.store.CurrentStore;
import java.util.List;

/**
 * The entry point of the explorer: the analyst's web page served at {@code /}, its files under
 * {@code /explorer/*}, and the browser libraries it uses under {@code /webjars/*} (from WebJars
 * on the classpath, so the page works with no internet). The page reads data only through the
 * query API and the SPARQL endpoint; see docs/explorer.md.
 * <p>
 * The root is mounted as an exact path ({@code ""}, the context root) rather than {@code /} or
 * {@code /*}, so every other servlet of the server keeps its paths.
 */
public final class Explorer {
    /** The servlet path spec that matches the context root only. */
    static final String ROOT = "";
    static final String APP_PATH = "/explorer/";
    static final String WEBJARS_PATH = "/webjars/";

    private Explorer() {
    }

    /** The servlets, showing whichever store is current at each request. */
    public static List<MountedServlet> servlets(CurrentStore store) {
        AppServlet app = new AppServlet(store.derived(served -> new SiteConfig(served.iris().base(), served.version())));
        return List.of(
                new MountedServlet(ROOT, app),
                new MountedServlet(APP_PATH + "*", app),
                new MountedServlet(WEBJARS_PATH + "*", new WebJarServlet()));
    }
}
