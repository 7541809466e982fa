#pragma once
#include "orm/Q.h"
#include <QDate>
#include <QList>
#include <QString>

namespace quango {

class Field;
class ModelMeta;

// One list_filter of a list page (Django's FieldListFilter): a title and its
// choices, each a Q that narrows the page's QuerySet. The first choice is
// "All" with an empty Q. Kinds: BooleanField (Yes/No), fields with choices
// (one per choice), ForeignKey (one per related object) and DateField /
// DateTimeField (today, past 7 days, this month, this year), each with
// "Unknown"/"None"/"No date" when the field is nullable.
class ListFilter {
public:
    struct Choice {
        QString label;
        Q q;
    };

    // Whether a filter can be built for this field.
    static bool supports(const Field &field);
    // The filter for a field path of `model` ("in_stock", "author",
    // "author__country"). Dates count from `today` (the local date). A
    // ForeignKey filter lists at most MaxRelatedChoices related objects, by
    // the related model's ordering. Throws FieldError for an unknown path or an
    // unsupported field.
    static ListFilter forField(const ModelMeta &model, const QString &path, const QDate &today = QDate::currentDate());
    static constexpr int MaxRelatedChoices = 500;

    const QString &path() const { return m_path; }
    const QString &title() const { return m_title; }
    const QList<Choice> &choices() const { return m_choices; }

private:
    QString m_path;
    QString m_title;
    QList<Choice> m_choices;
};

} // namespace quango
