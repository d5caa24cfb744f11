using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.PrisonApproval.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProtectedReasons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // inmate_statuses.reason, barred_visitors.reason, special_approvals.reason and
            // quota_entries.note are now sealed in their own columns. A migration holds no key, so
            // the rows written in clear are sealed by the service's field-protection sweep on its
            // first start (docs/encryption-at-rest.md, "Moving existing data"). A note is stored
            // empty rather than null now (an empty value is never sealed): the nulls go first.
            migrationBuilder.Sql("UPDATE quota_entries SET note = '' WHERE note IS NULL");
            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "quota_entries",
                type: "text",
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "note",
                table: "quota_entries",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text");
        }
    }
}
