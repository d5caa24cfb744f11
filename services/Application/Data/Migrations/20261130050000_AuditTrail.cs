using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Messaging.Audit;
using Visitation.Application.Data;

#nullable disable

namespace Visitation.Application.Data.Migrations
{
    /// <summary>
    /// The append-only, hash-chained audit (docs/audit.md). Raw SQL, outside the EF model: nothing in
    /// the service maps the tables, the interceptor inserts and the verifier reads them directly.
    /// </summary>
    [DbContext(typeof(ApplicationDbContext))]
    [Migration("20261130050000_AuditTrail")]
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Create);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.Drop);
    }
}
