package org.craftmark.server.audit;

import io.vertx.ext.web.Router;
import org.craftmark.server.auth.AuthService;
import org.craftmark.server.http.Blocking;
import org.craftmark.server.http.Routes;

/** {@code GET /api/v1/audit} and {@code GET /api/v1/audit/verify} (ADMIN). (Being written.) */
public final class AuditHandlers implements Routes {
    private final AuthService auth;
    private final AuditService audit;

    public AuditHandlers(AuthService auth, AuditService audit) {
        this.auth = auth;
        this.audit = audit;
    }

    @Override
    public void mount(Router router, Blocking blocking) {
        // Being written.
    }
}
