using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.AuditStore.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditRowOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "owner_organisation",
                table: "audit_rows",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_rows_owner_organisation",
                table: "audit_rows",
                column: "owner_organisation");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_audit_rows_owner_organisation",
                table: "audit_rows");

            migrationBuilder.DropColumn(
                name: "owner_organisation",
                table: "audit_rows");
        }
    }
}
