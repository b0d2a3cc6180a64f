using System.Collections.Concurrent;
using System.Reflection;
using Azure.Data.Tables;

namespace GapMonitor.Infrastructure.Storage;

/// <summary>
/// Turns a generic <see cref="TableEntity"/> row into a typed entity. Needed where one query returns rows of several
/// kinds (a system with its alerts); the SDK only binds a whole query to one type.
/// </summary>
internal static class EntityMapping
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public static T To<T>(TableEntity row)
        where T : ITableEntity, new()
    {
        var entity = new T
        {
            PartitionKey = row.PartitionKey,
            RowKey = row.RowKey,
            Timestamp = row.Timestamp,
            ETag = row.ETag,
        };
        foreach (var property in Properties.GetOrAdd(typeof(T), Writable))
        {
            if (row.TryGetValue(property.Name, out var value) && value is not null)
            {
                property.SetValue(entity, Convert(value, property.PropertyType));
            }
        }

        return entity;
    }

    private static PropertyInfo[] Writable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.Name is not (nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey) or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag)))];

    private static object? Convert(object value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        return value switch
        {
            _ when type.IsInstanceOfType(value) => value,
            DateTime dt when type == typeof(DateTimeOffset) => new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc)),
            IConvertible convertible => convertible.ToType(type, System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };
    }
}
