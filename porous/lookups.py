"""`in` on integer columns that leaves out numbers the column cannot hold.

Django already answers "no rows" for `exact`, `lt` and the like with such a number, but passes
it on for `in`: SQLite then raises OverflowError and PostgreSQL an out-of-range error. A form
with a ModelMultipleChoiceField (or an admin page with a many-to-many field) sent id 2**63 gave
a server error instead of "not a valid choice". A number out of range matches no row, so
leaving it out changes no answer.
"""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class IntegerFieldIn(In):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(
                self.lhs.output_field.get_internal_type()
            )
            self.rhs = [
                value
                for value in self.rhs
                if not isinstance(value, int)
                or ((low is None or value >= low) and (high is None or value <= high))
            ]
        return super().process_rhs(compiler, connection)
