using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Visitation.Identity.Data.Migrations
{
    /// <summary>The other organisations (sites) an account may act for: none for every existing account.</summary>
    public partial class AccountSites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<string>>(
                name: "other_organisation_ids",
                table: "aspnet_users",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "other_organisation_ids",
                table: "aspnet_users");
        }
    }
}
