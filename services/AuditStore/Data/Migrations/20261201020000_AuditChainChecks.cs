using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.AuditStore.Data.Migrations
{
    /// <summary>
    /// How far the store's periodic verification has come in each service's chain, and where a chain
    /// broke (<c>Features/Verify/AuditChainVerification</c>, docs/audit-store.md). Raw SQL, outside the EF
    /// model, like the relay's cursor: only the verification reads and writes it.
    /// </summary>
    [DbContext(typeof(AuditStoreDbContext))]
    [Migration("20261201020000_AuditChainChecks")]
    public partial class AuditChainChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("""
            CREATE TABLE audit_chain_checks (
                service character varying(100) NOT NULL,
                chain character varying(100) NOT NULL,
                verified_seq bigint NOT NULL,
                verified_hash character varying(64) NOT NULL,
                swept_seq bigint NOT NULL,
                swept_hash character varying(64) NOT NULL,
                broken_seq bigint NULL,
                broken_reason text NULL,
                checked_at timestamp with time zone NOT NULL,
                PRIMARY KEY (service, chain)
            );
            """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("DROP TABLE IF EXISTS audit_chain_checks;");
    }
}
