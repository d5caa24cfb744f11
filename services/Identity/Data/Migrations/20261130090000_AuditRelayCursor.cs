using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Messaging.Audit;
using Visitation.Identity.Data;

#nullable disable

namespace Visitation.Identity.Data.Migrations
{
    /// <summary>
    /// The audit relay's cursor (docs/audit-store.md): how far the audit rows have been published to
    /// the audit store. Raw SQL, outside the EF model, like the audit tables it follows.
    /// </summary>
    [DbContext(typeof(IdentityDb))]
    [Migration("20261130090000_AuditRelayCursor")]
    public partial class AuditRelayCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditRelaySchema.Create);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditRelaySchema.Drop);
    }
}
