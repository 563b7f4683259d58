using System.Linq.Expressions;

namespace IdpSmsReset.Core.Persistence;

/// <summary>
/// The condition of a guarded transition, "the row's state is one of these", as an expression the database evaluates
/// inside the update itself (constants, so each state machine's updates stay cached plans).
/// </summary>
public static class StateGuard
{
    public static Expression<Func<TEntity, bool>> In<TEntity, TState>(Expression<Func<TEntity, TState>> state, IEnumerable<TState> allowed)
    {
        var anyOf = allowed
            .Select(value => (Expression)Expression.Equal(state.Body, Expression.Constant(value, typeof(TState))))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<TEntity, bool>>(anyOf, state.Parameters);
    }
}
