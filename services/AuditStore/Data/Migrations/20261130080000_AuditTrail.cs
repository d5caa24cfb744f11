using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.AuditStore.Data;
using Visitation.Messaging.Audit;

#nullable disable

namespace Visitation.AuditStore.Data.Migrations
{
    /// <summary>
    /// The store's own append-only, hash-chained audit (docs/audit.md): its searches and exports.
    /// Raw SQL, outside the EF model, the same as every service's.
    /// </summary>
    [DbContext(typeof(AuditStoreDbContext))]
    [Migration("20261130080000_AuditTrail")]
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Create);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Drop);
    }
}
