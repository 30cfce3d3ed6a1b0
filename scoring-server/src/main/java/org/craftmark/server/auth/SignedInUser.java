package org.craftmark.server.auth;

/** The user behind a request, as the server checks permissions against it. */
public record SignedInUser(long id, String username, Role role, String displayName, String regionCode, String affiliation) {

    public boolean is(Role other) {
        return role == other;
    }
}
