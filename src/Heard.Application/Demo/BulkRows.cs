using System.Data.Common;
using Heard.Application.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Heard.Application.Demo;

/// <summary>
/// Writes many rows of one simple entity type (no owned types, no navigations to fix up) with multi-row INSERTs,
/// using the model's own table, column names and type mappings, so the values are stored exactly as EF would
/// store them on either provider. The demo's histories are tens of thousands of rows: through SaveChanges they
/// take most of the demo's load time, this way a fraction of it.
/// </summary>
internal sealed class BulkRows<T>(HeardDbContext db)
    where T : class
{
    /// <summary>Well inside both providers' limits on parameters in one statement (SQLite 32,766; PostgreSQL 65,535).</summary>
    private const int RowsPerCommand = 100;

    private readonly List<T> pending = [];

    public void Add(T row) => pending.Add(row);

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties()
            // An identity key is the database's to give; a GUID key is made in code, as for every other row.
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var into = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            // PostgreSQL: many rows a statement, one round trip per hundred rows. SQLite has no round trips, and
            // compiling a statement of a thousand parameters costs more than running a small one again and again.
            foreach (var chunk in pending.Chunk(db.IsPostgres ? RowsPerCommand : 1))
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                var values = new System.Text.StringBuilder(into);
                for (var r = 0; r < chunk.Length; r++)
                {
                    values.Append(r == 0 ? "(" : ", (");
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var (property, mapping) = columns[i];
                        var name = $"@p{r}_{i}";
                        values.Append(i == 0 ? name : ", " + name);
                        command.Parameters.Add(mapping.CreateParameter(command, name, property.PropertyInfo!.GetValue(chunk[r]), property.IsNullable));
                    }

                    values.Append(')');
                }

                command.CommandText = values.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        pending.Clear();
    }
}
