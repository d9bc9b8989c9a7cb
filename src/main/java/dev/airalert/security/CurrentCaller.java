package dev.airalert.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current HTTP request: its key (or none) and the address it came from. */
@RequestScoped
public class CurrentCaller {

    static final String ATTRIBUTE = "airalert.caller";

    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;
    private final ClientAddresses addresses;
    private Caller caller;

    CurrentCaller(SecurityIdentity identity, CurrentVertxRequest request, ClientAddresses addresses) {
        this.identity = identity;
        this.request = request;
        this.addresses = addresses;
    }

    public Caller get() {
        if (caller == null) {
            String address = request.getCurrent() == null ? "unknown" : addresses.of(request.getCurrent().request());
            Caller known = identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
            caller = known == null ? Caller.anonymous(address) : known.at(address);
        }
        return caller;
    }
}
