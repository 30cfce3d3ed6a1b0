package org.craftmark.server.certificates;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.craftmark.core.certificates.Verification;
import org.craftmark.server.store.CertificateStore.StoredCertificate;

import java.util.List;

/** Certificates on the wire: the full record for organizers, HR and ADMIN; the public verification. */
final class CertificateJson {
    private CertificateJson() {
    }

    static JsonObject of(StoredCertificate c, String verifyUrl) {
        return new JsonObject()
                .put("certificateNo", c.number())
                .put("holder", c.holderName())
                .put("idNumber", c.idNumber())
                .put("occupationCode", c.occupationCode())
                .put("occupation", c.occupationName())
                .put("level", c.level().name())
                .put("levelName", c.level().chineseName())
                .put("issuer", c.issuer())
                .put("issuedOn", c.issuedOn().toString())
                .put("contestId", c.contestId())
                .put("status", c.status().name())
                .put("revokedAt", c.revokedAt() == null ? null : c.revokedAt().toString())
                .put("revokeReason", c.revokeReason())
                .put("verifyUrl", verifyUrl);
    }

    static JsonObject list(List<StoredCertificate> certificates, java.util.function.Function<String, String> verifyUrl) {
        JsonArray items = new JsonArray();
        certificates.forEach(c -> items.add(of(c, verifyUrl.apply(c.number()))));
        return new JsonObject().put("items", items);
    }

    /** What anyone may see: never an ID number. */
    static JsonObject verification(Verification v) {
        return new JsonObject()
                .put("valid", v.valid())
                .put("status", v.status().name())
                .put("holder", v.holder())
                .put("occupationCode", v.occupationCode())
                .put("occupation", v.occupation())
                .put("level", v.level().name())
                .put("levelName", v.level().chineseName())
                .put("issuedOn", v.issuedOn().toString())
                .put("issuer", v.issuer());
    }
}
