using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Messaging.Audit;

#nullable disable

namespace Visitation.Identity.Data.Migrations
{
    /// <summary>
    /// The append-only, hash-chained audit (docs/audit.md), the same SQL as the chain services run.
    /// Raw SQL, outside the EF model: the interceptor inserts and the verifier reads the tables directly.
    /// </summary>
    [DbContext(typeof(IdentityDb))]
    [Migration("20261130060000_AuditTrail")]
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Create);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Drop);
    }
}
