using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Visitation.Messaging.Audit;
using Visitation.Scheduling.Data;

#nullable disable

namespace Visitation.Scheduling.Data.Migrations
{
    /// <summary>
    /// The owning organisation of each audit row (docs/audit.md): a nullable column and the hash
    /// function with it. Raw SQL, like the audit tables; rows written before it keep verifying.
    /// </summary>
    [DbContext(typeof(SchedulingDbContext))]
    [Migration("20261130100000_AuditOwner")]
    public partial class AuditOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.AddOwner);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(AuditSchema.DropOwner);
    }
}
