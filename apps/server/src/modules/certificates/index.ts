export { certificatesRoutes } from './certificates.routes.js';
export { renderCertificatePdf } from './certificate.pdf.js';
export { contentHash, type CertificateContent } from './certificate-content.js';
export { verifyUrlOf } from './certificates.service.js';
export { issueInTransaction } from './certificates.service.js';
export { findHolder, revoke as revokeCertificateRow, findByNumber as findCertificateByNumber } from './certificates.repository.js';
