package org.craftmark.core.certificates;

/** Whether a certificate still certifies: REVOKED ones stay on record and say so on verification. */
public enum CertificateStatus {
    VALID, REVOKED
}
