#include "ui/pages/ChangeFormPage.h"
#include "orm/ModelMeta.h"
#include "ui/widgets/ReadOnlyPasswordHashWidget.h"
#include "views/admin/FieldDisplay.h"
#include "views/admin/ObjectHistory.h"
#include "ui/Style.h"
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <limits>

namespace quango {

namespace {

using Hint = Field::WidgetHint;

// The sentinel shown as "—" in number and date editors of nullable fields:
// those widgets cannot be empty, so their minimum stands for NULL.
const QString emptyMark = QStringLiteral("—");
const QDate nullDate(1752, 9, 14);
constexpr double doubleRange = 1e15;

QListWidget *chosenList(QWidget *selector) { return selector->findChild<QListWidget *>(QStringLiteral("chosen")); }
QListWidget *availableList(QWidget *selector) { return selector->findChild<QListWidget *>(QStringLiteral("available")); }

void moveSelected(QListWidget *from, QListWidget *to)
{
    for (QListWidgetItem *item : from->selectedItems())
        to->addItem(from->takeItem(from->row(item)));
    to->sortItems();
}

} // namespace

ChangeFormPage::ChangeFormPage(const ModelMeta &model, const ModelAdmin &admin, const QVariant &pk, QWidget *parent)
    : ChangeFormPage(model, admin, AdminUser(), pk, parent)
{
}

ChangeFormPage::ChangeFormPage(const ModelMeta &model, const ModelAdmin &admin, const AdminUser &user, const QVariant &pk,
                               QWidget *parent)
    : QWidget(parent), m_form(model, admin)
{
    setObjectName(QStringLiteral("changeForm_") + model.label());
    m_form.setUser(user);
    if (pk.isValid())
        m_form.load(pk);
    // Django's view-only change page: the user may view but not change.
    m_viewOnly = !m_form.hasPermission(pk.isValid() ? QStringLiteral("change") : QStringLiteral("add"));
    build();
    fill();
}

QString ChangeFormPage::title() const
{
    const ModelMeta &meta = m_form.modelMeta();
    return m_form.isAdding() ? tr("Add %1").arg(meta.verboseName()) : m_form.instance().str();
}

QMessageBox::StandardButton ChangeFormPage::ask(QMessageBox &box)
{
    return m_asker ? m_asker(box) : QMessageBox::StandardButton(box.exec());
}

void ChangeFormPage::build()
{
    auto *outer = new QVBoxLayout(this);
    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("heading"));
    outer->addWidget(m_heading);
    m_nonFieldErrors = new QLabel(this);
    m_nonFieldErrors->setObjectName(QStringLiteral("nonFieldErrors"));
    m_nonFieldErrors->setAccessibleName(tr("Errors"));
    m_nonFieldErrors->setWordWrap(true);
    Style::apply(m_nonFieldErrors, Style::Role::Error);
    QFont bold = m_nonFieldErrors->font();
    bold.setBold(true);
    m_nonFieldErrors->setFont(bold);
    m_nonFieldErrors->hide();
    outer->addWidget(m_nonFieldErrors);

    auto *scroll = m_scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(buildFields());
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("formTabs"));
    m_tabs->setAccessibleName(tr("Record"));
    scroll->setObjectName(QStringLiteral("changeTab"));
    scroll->setAccessibleName(tr("Change"));
    m_tabs->addTab(scroll, tr("Change"));
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("historyTab"));
    m_history->setAccessibleName(tr("History"));
    m_history->setHeaderLabels({tr("Date/time"), tr("User"), tr("Action"), tr("Change"), QString()});
    m_history->setRootIsDecorated(true);
    m_history->setAlternatingRowColors(true);
    m_history->setSelectionMode(QAbstractItemView::NoSelection);
    // The change text ("old → new") gets the room; the revert button only its own.
    m_history->header()->setStretchLastSection(false);
    m_history->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_history->header()->setSectionResizeMode(4, QHeaderView::ResizeToContents);
    m_tabs->addTab(m_history, tr("History"));
    outer->addWidget(m_tabs, 1);

    auto *buttons = new QHBoxLayout;
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    Style::apply(m_delete, Style::Role::Destructive);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    m_saveAndAdd = new QPushButton(tr("Save and add another"), this);
    m_saveAndAdd->setObjectName(QStringLiteral("saveAndAddButton"));
    m_saveAndContinue = new QPushButton(tr("Save and continue editing"), this);
    m_saveAndContinue->setObjectName(QStringLiteral("saveAndContinueButton"));
    m_saveAndContinue->setToolTip(tr("Ctrl+S"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    buttons->addWidget(m_saveAndAdd);
    buttons->addWidget(m_saveAndContinue);
    buttons->addWidget(m_save);
    outer->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &ChangeFormPage::save);
    connect(m_saveAndAdd, &QPushButton::clicked, this, &ChangeFormPage::saveAndAddAnother);
    connect(m_saveAndContinue, &QPushButton::clicked, this, &ChangeFormPage::saveAndContinue);
    connect(m_delete, &QPushButton::clicked, this, &ChangeFormPage::deleteObject);
    // What the user may not do is not offered (Django's has_*_permission).
    m_delete->setVisible(m_form.hasPermission(QStringLiteral("delete")));
    m_saveAndAdd->setVisible(!m_viewOnly && m_form.hasPermission(QStringLiteral("add")));
    m_save->setVisible(!m_viewOnly);
    m_saveAndContinue->setVisible(!m_viewOnly);
    // Ctrl+S saves and stays, as in an editor; the Save button also closes the tab.
    auto *shortcut = new QShortcut(QKeySequence::Save, this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &ChangeFormPage::saveAndContinue);
}

QWidget *ChangeFormPage::buildFields()
{
    m_editors.clear();
    m_errorLabels.clear();
    m_readOnlyLabels.clear();
    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    QFormLayout *formLayout = nullptr;
    QString currentSet;
    for (const FormField &field : m_form.fields()) {
        if (field.hint == Hint::Hidden)
            continue;
        if (!formLayout || field.fieldset != currentSet) {
            currentSet = field.fieldset;
            auto *group = new QGroupBox(field.fieldset, body);
            formLayout = new QFormLayout(group);
            formLayout->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
            bodyLayout->addWidget(group);
        }
        auto *cell = new QWidget(body);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->setSpacing(2);
        QWidget *input = nullptr;
        if (showsPasswordHash(field)) {
            // Django's UserChangeForm: the hash's summary, never the hash, and the change-password dialog.
            auto *password = new ReadOnlyPasswordHashWidget(m_form.instance(), [this] { return m_form.user(); }, cell);
            connect(password, &ReadOnlyPasswordHashWidget::passwordChanged, this, [this] {
                // The stored row changed: reload it (so Save does not see a conflict) and keep unsaved edits.
                const QVariantMap edited = values();
                try {
                    m_form.load(m_form.instance().pk());
                } catch (const Error &error) { // deleted meanwhile: said, never thrown across the slot
                    return showFailure(error.message());
                }
                fill();
                for (const FormField &f : m_form.fields())
                    if (edited.contains(f.name))
                        setEditorValue(f, edited.value(f.name));
            });
            input = password;
        } else if (field.readOnly || m_viewOnly) {
            auto *value = new QLabel(cell);
            value->setObjectName(QStringLiteral("readonly_") + field.name);
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_readOnlyLabels.insert(field.name, value);
            input = value;
        } else {
            input = createEditor(field);
            input->setParent(cell);
            input->setAccessibleName(field.label);
            m_editors.insert(field.name, input);
        }
        cellLayout->addWidget(input);
        if (!field.helpText.isEmpty()) {
            auto *help = new QLabel(field.helpText, cell);
            help->setObjectName(QStringLiteral("help_") + field.name);
            help->setWordWrap(true);
            Style::apply(help, Style::Role::Help);
            cellLayout->addWidget(help);
        }
        auto *error = new QLabel(cell);
        error->setObjectName(QStringLiteral("error_") + field.name);
        error->setWordWrap(true);
        Style::apply(error, Style::Role::Error);
        error->hide();
        cellLayout->addWidget(error);
        m_errorLabels.insert(field.name, error);

        auto *label = new QLabel(field.label + QLatin1Char(':'), body);
        label->setObjectName(QStringLiteral("label_") + field.name);
        if (field.required && !field.readOnly && !m_viewOnly) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        }
        label->setBuddy(input);
        formLayout->addRow(label, cell);
    }
    bodyLayout->addStretch(1);
    m_builtLayout = fieldsLayout();
    return body;
}

bool ChangeFormPage::showsPasswordHash(const FormField &field) const
{
    return field.name == QLatin1String("password") && m_form.modelMeta().label() == QLatin1String("auth.User") && !m_form.isAdding();
}

QStringList ChangeFormPage::fieldsLayout() const
{
    QStringList layout;
    for (const FormField &field : m_form.fields())
        layout << (showsPasswordHash(field) ? field.name + QStringLiteral("#hash") : field.name);
    return layout;
}

QWidget *ChangeFormPage::createEditor(const FormField &field)
{
    const Field *f = field.field;
    QWidget *editor = nullptr;
    switch (field.hint) {
    case Hint::TextEdit:
    case Hint::JsonEditor: {
        auto *edit = new QPlainTextEdit;
        edit->setTabChangesFocus(true);
        edit->setMinimumHeight(field.hint == Hint::JsonEditor ? 120 : 80);
        if (field.hint == Hint::JsonEditor)
            edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        editor = edit;
        break;
    }
    case Hint::SpinBox: {
        auto *spin = new QSpinBox;
        spin->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
        if (f->isNull())
            spin->setSpecialValueText(emptyMark);
        editor = spin;
        break;
    }
    case Hint::DoubleSpinBox: {
        auto *spin = new QDoubleSpinBox;
        const QVariant places = f->typeParameters().value(QStringLiteral("decimal_places"));
        spin->setDecimals(places.isValid() ? places.toInt() : 6);
        spin->setRange(-doubleRange, doubleRange);
        if (f->isNull())
            spin->setSpecialValueText(emptyMark);
        editor = spin;
        break;
    }
    case Hint::CheckBox: {
        auto *box = new QCheckBox;
        box->setTristate(f->isNull()); // the third state is NULL ("unknown")
        editor = box;
        break;
    }
    case Hint::DateEdit:
    case Hint::DateTimeEdit: {
        QDateTimeEdit *edit = field.hint == Hint::DateEdit ? new QDateEdit : new QDateTimeEdit;
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(field.hint == Hint::DateEdit ? QStringLiteral("yyyy-MM-dd") : QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        edit->setMinimumDate(nullDate);
        if (f->isNull())
            edit->setSpecialValueText(emptyMark);
        editor = edit;
        break;
    }
    case Hint::ComboBox: {
        auto *combo = new QComboBox;
        if (f->isBlank() || f->isNull())
            combo->addItem(QStringLiteral("---------"), f->isNull() ? QVariant() : QVariant(QString()));
        for (const Choice &choice : f->choices())
            combo->addItem(choice.label, choice.value);
        editor = combo;
        break;
    }
    case Hint::ForeignKeyPicker: {
        auto *combo = new QComboBox;
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setMinimumContentsLength(24);
        try {
            for (const Choice &choice : m_form.relatedChoices(field.name))
                combo->addItem(choice.label, choice.value);
        } catch (const Error &error) {
            combo->setToolTip(tr("Choices unavailable: %1").arg(error.message()));
        }
        // Type-ahead anywhere in the display string, not only its start.
        combo->completer()->setCompletionMode(QCompleter::PopupCompletion);
        combo->completer()->setFilterMode(Qt::MatchContains);
        combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
        combo->lineEdit()->setPlaceholderText(tr("Type to search"));
        editor = combo;
        break;
    }
    case Hint::ManyToManySelector: {
        auto *selector = new QWidget;
        auto *row = new QHBoxLayout(selector);
        row->setContentsMargins(0, 0, 0, 0);
        auto *available = new QListWidget(selector);
        available->setObjectName(QStringLiteral("available"));
        available->setAccessibleName(tr("Available %1").arg(field.label));
        available->setSelectionMode(QAbstractItemView::ExtendedSelection);
        auto *chosen = new QListWidget(selector);
        chosen->setObjectName(QStringLiteral("chosen"));
        chosen->setAccessibleName(tr("Chosen %1").arg(field.label));
        chosen->setSelectionMode(QAbstractItemView::ExtendedSelection);
        auto *moves = new QVBoxLayout;
        auto *add = new QPushButton(tr("Choose →"), selector);
        add->setObjectName(QStringLiteral("choose"));
        auto *remove = new QPushButton(tr("← Remove"), selector);
        remove->setObjectName(QStringLiteral("remove"));
        moves->addStretch(1);
        moves->addWidget(add);
        moves->addWidget(remove);
        moves->addStretch(1);
        row->addWidget(available, 1);
        row->addLayout(moves);
        row->addWidget(chosen, 1);
        available->setMaximumHeight(140);
        chosen->setMaximumHeight(140);
        try {
            for (const Choice &choice : m_form.relatedChoices(field.name)) {
                auto *item = new QListWidgetItem(choice.label, available);
                item->setData(Qt::UserRole, choice.value);
            }
        } catch (const Error &error) {
            available->setToolTip(tr("Choices unavailable: %1").arg(error.message()));
        }
        connect(add, &QPushButton::clicked, selector, [available, chosen] { moveSelected(available, chosen); });
        connect(remove, &QPushButton::clicked, selector, [available, chosen] { moveSelected(chosen, available); });
        connect(available, &QListWidget::itemDoubleClicked, selector, [available, chosen] { moveSelected(available, chosen); });
        connect(chosen, &QListWidget::itemDoubleClicked, selector, [available, chosen] { moveSelected(chosen, available); });
        editor = selector;
        break;
    }
    case Hint::LineEdit:
    case Hint::Hidden: {
        auto *edit = new QLineEdit;
        if (field.password) // never shown, and taken as typed (editorValue)
            edit->setEchoMode(QLineEdit::Password);
        editor = edit;
        break;
    }
    }
    editor->setObjectName(QStringLiteral("field_") + field.name);
    return editor;
}

void ChangeFormPage::setEditorValue(const FormField &field, const QVariant &value)
{
    QWidget *editor = m_editors.value(field.name);
    if (auto *label = m_readOnlyLabels.value(field.name)) {
        label->setText(field.field ? FieldDisplay::text(field.field, value) : QString()); // a password input shows nothing
        return;
    }
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        edit->setText(value.toString());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        if (field.hint == Hint::JsonEditor)
            text->setPlainText(value.isNull() ? QString() : QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Indented)));
        else
            text->setPlainText(value.toString());
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.isNull() ? spin->minimum() : value.toInt());
    } else if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        dspin->setValue(value.isNull() ? dspin->minimum() : value.toDouble());
    } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        box->setCheckState(value.isNull() && box->isTristate() ? Qt::PartiallyChecked : value.toBool() ? Qt::Checked : Qt::Unchecked);
    } else if (auto *date = qobject_cast<QDateTimeEdit *>(editor)) {
        if (field.hint == Hint::DateEdit)
            date->setDate(value.isNull() ? (field.field->isNull() ? nullDate : QDate::currentDate()) : value.toDate());
        else
            date->setDateTime(value.isNull() ? (field.field->isNull() ? QDateTime(nullDate, QTime(0, 0)) : QDateTime::currentDateTime())
                                             : value.toDateTime().toLocalTime());
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        int index = -1;
        for (int i = 0; i < combo->count(); ++i)
            if (!value.isNull() && combo->itemData(i) == value)
                index = i;
        if (index < 0 && !value.isNull() && field.hint == Hint::ForeignKeyPicker)
            for (int i = 0; i < combo->count(); ++i) // a pk read as another integer type
                if (combo->itemData(i).toString() == value.toString())
                    index = i;
        if (index < 0 && !combo->isEditable())
            index = combo->findData(value.isNull() && field.field->isNull() ? QVariant() : QVariant(QString()));
        combo->setCurrentIndex(index);
        if (index < 0 && combo->isEditable())
            combo->setEditText(QString());
    } else if (editor && field.hint == Hint::ManyToManySelector) {
        QListWidget *available = availableList(editor);
        QListWidget *chosen = chosenList(editor);
        while (chosen->count())
            available->addItem(chosen->takeItem(0));
        QStringList wanted;
        for (const QVariant &pk : value.toList())
            wanted << pk.toString();
        for (int i = available->count() - 1; i >= 0; --i)
            if (wanted.contains(available->item(i)->data(Qt::UserRole).toString()))
                chosen->addItem(available->takeItem(i));
        available->sortItems();
        chosen->sortItems();
    }
}

QVariant ChangeFormPage::editorValue(const FormField &field) const
{
    QWidget *editor = m_editors.value(field.name);
    const Field *f = field.field;
    if (auto *edit = qobject_cast<QLineEdit *>(editor)) {
        const QString text = edit->text();
        return text.isEmpty() && f && !f->emptyStringsAllowed() ? QVariant() : QVariant(text);
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        if (field.hint != Hint::JsonEditor)
            return text->toPlainText();
        // Invalid JSON is caught before saving (trySave); here it is the text.
        const QString source = text->toPlainText().trimmed();
        if (source.isEmpty())
            return QVariant();
        const QJsonDocument doc = QJsonDocument::fromJson(source.toUtf8());
        return doc.isNull() ? QVariant(source) : doc.toVariant();
    }
    if (auto *spin = qobject_cast<QSpinBox *>(editor))
        return f->isNull() && spin->value() == spin->minimum() ? QVariant() : QVariant(spin->value());
    if (auto *dspin = qobject_cast<QDoubleSpinBox *>(editor)) {
        if (f->isNull() && dspin->value() == dspin->minimum())
            return QVariant();
        // Decimal places known: the exact text, so 2.5 is not read as 2.4999...
        if (f->typeParameters().contains(QStringLiteral("decimal_places")))
            return QString::number(dspin->value(), 'f', dspin->decimals());
        return dspin->value();
    }
    if (auto *box = qobject_cast<QCheckBox *>(editor))
        return box->checkState() == Qt::PartiallyChecked ? QVariant() : QVariant(box->isChecked());
    if (auto *date = qobject_cast<QDateTimeEdit *>(editor)) {
        if (f->isNull() && date->date() == nullDate)
            return QVariant();
        if (field.hint == Hint::DateEdit)
            return date->date();
        return date->dateTime().toUTC();
    }
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (!combo->isEditable())
            return combo->currentData();
        const QString text = combo->currentText().trimmed();
        if (text.isEmpty())
            return QVariant();
        const int index = combo->findText(text, Qt::MatchFixedString);
        // Unknown text goes to the field, whose clean() names what is wrong.
        return index >= 0 ? combo->itemData(index) : QVariant(text);
    }
    if (editor && field.hint == Hint::ManyToManySelector) {
        QVariantList pks;
        QListWidget *chosen = chosenList(editor);
        for (int i = 0; i < chosen->count(); ++i)
            pks << chosen->item(i)->data(Qt::UserRole);
        return pks;
    }
    return QVariant();
}

QVariantMap ChangeFormPage::values() const
{
    QVariantMap out;
    for (const FormField &field : m_form.fields())
        if (m_editors.contains(field.name))
            out.insert(field.name, editorValue(field));
    return out;
}

bool ChangeFormPage::isDirty() const { return values() != m_loadedValues; }

void ChangeFormPage::fill()
{
    // A first save turned the add form into the object's change form (or
    // "Save and add another" back): other fields, or the password's summary.
    if (fieldsLayout() != m_builtLayout) {
        const bool hadFocus = m_scroll->widget()->isAncestorOf(QApplication::focusWidget());
        m_scroll->takeWidget()->deleteLater(); // this may run inside one of its widgets' events
        m_scroll->setWidget(buildFields());
        // Ctrl+S typed in a field that is gone: the keyboard goes on in the first field.
        for (const FormField &field : m_form.fields())
            if (QWidget *first = m_editors.value(field.name); first && hadFocus) {
                first->setFocus();
                break;
            }
    }
    const QVariantMap initial = m_form.initial();
    for (const FormField &field : m_form.fields())
        setEditorValue(field, initial.value(field.name));
    m_loadedValues = values();
    m_delete->setEnabled(!m_form.isAdding());
    m_heading->setText(QStringLiteral("<h2>%1</h2>").arg(
        (m_form.isAdding() ? tr("Add %1") : m_viewOnly ? tr("View %1") : tr("Change %1")).arg(m_form.modelMeta().verboseName()).toHtmlEscaped()));
    showErrors();
    showHistory();
    Q_EMIT titleChanged(title());
}

void ChangeFormPage::showErrors()
{
    const QMap<QString, QStringList> &errors = m_form.errors();
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QStringList messages = errors.value(it.key());
        it.value()->setText(messages.join(QLatin1Char('\n')));
        it.value()->setVisible(!messages.isEmpty());
    }
    QStringList top = m_form.nonFieldErrors();
    // An error about a field the form does not show must not vanish.
    for (auto it = errors.cbegin(); it != errors.cend(); ++it)
        if (it.key() != QLatin1String(ValidationError::NonFieldErrors) && !m_errorLabels.contains(it.key()))
            top << it.key() + QStringLiteral(": ") + it.value().join(QLatin1Char(' '));
    if (!errors.isEmpty())
        top.prepend(errors.size() == 1 && top.isEmpty() ? tr("Please correct the error below.") : tr("Please correct the errors below."));
    m_nonFieldErrors->setText(top.join(QLatin1Char('\n')));
    m_nonFieldErrors->setVisible(!top.isEmpty());
}

bool ChangeFormPage::trySave()
{
    // JSON that does not parse never reaches the field, which would take it as a string.
    QMap<QString, QString> jsonErrors;
    for (const FormField &field : m_form.fields()) {
        auto *text = qobject_cast<QPlainTextEdit *>(m_editors.value(field.name));
        if (!text || field.hint != Hint::JsonEditor || text->toPlainText().trimmed().isEmpty())
            continue;
        QJsonParseError error;
        QJsonDocument::fromJson(text->toPlainText().toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            jsonErrors.insert(field.name, tr("Enter valid JSON: %1 at character %2.").arg(error.errorString()).arg(error.offset));
    }
    const QVariantMap input = values();
    if (!jsonErrors.isEmpty()) {
        m_form.isValid(input); // the other fields' errors, shown at the same time
        showErrors();
        for (auto it = jsonErrors.cbegin(); it != jsonErrors.cend(); ++it) {
            m_errorLabels.value(it.key())->setText(it.value());
            m_errorLabels.value(it.key())->show();
        }
        m_nonFieldErrors->setText(tr("Please correct the errors below."));
        m_nonFieldErrors->show();
        return false;
    }
    bool ok = false;
    try {
        ok = m_form.save(input);
    } catch (const ConcurrentModification &conflict) {
        QMessageBox box(QMessageBox::Warning, tr("Changed by someone else"), conflict.message(),
                        QMessageBox::Reset | QMessageBox::Save | QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("conflictBox"));
        box.button(QMessageBox::Reset)->setText(tr("Reload"));
        box.button(QMessageBox::Save)->setText(tr("Overwrite"));
        box.setDefaultButton(QMessageBox::Cancel);
        const QMessageBox::StandardButton answer = ask(box);
        try {
            if (answer == QMessageBox::Reset) {
                m_form.load(m_form.instance().pk());
                fill();
                return false;
            }
            if (answer != QMessageBox::Save)
                return false;
            ok = m_form.save(input, ModelForm::Conflict::Overwrite);
        } catch (const Error &error) {
            m_nonFieldErrors->setText(error.message());
            m_nonFieldErrors->show();
            return false;
        }
    } catch (const Error &error) { // IntegrityError, DatabaseError: shown, never across the slot
        showErrors();
        m_nonFieldErrors->setText(error.message());
        m_nonFieldErrors->show();
        return false;
    }
    if (!ok) {
        showErrors();
        return false;
    }
    const QVariant pk = m_form.instance().pk();
    fill();
    Q_EMIT saved(m_form.modelMeta().label(), pk);
    return true;
}

bool ChangeFormPage::save()
{
    if (!trySave())
        return false;
    Q_EMIT closeRequested();
    return true;
}

bool ChangeFormPage::saveAndAddAnother()
{
    if (!trySave())
        return false;
    m_form.loadNew();
    fill();
    return true;
}

bool ChangeFormPage::saveAndContinue() { return trySave(); }

bool ChangeFormPage::deleteObject()
{
    if (m_form.isAdding())
        return false;
    const ModelMeta &meta = m_form.modelMeta();
    // Django's "Are you sure?" page: what cascades, what PROTECT blocks.
    try {
        if (!DeleteConfirmationDialog::confirm(this, meta, {m_form.instance()}, m_form.user(), m_deleteRunner))
            return false;
    } catch (const Error &error) { // the related rows could not be read
        showFailure(error.message());
        return false;
    }
    const QVariant pk = m_form.instance().pk();
    try {
        m_form.remove();
    } catch (const Error &error) { // ProtectedError names what blocks it
        m_nonFieldErrors->setText(error.message());
        m_nonFieldErrors->show();
        return false;
    }
    m_loadedValues = values(); // nothing left to lose
    Q_EMIT deleted(meta.label(), pk);
    Q_EMIT closeRequested();
    return true;
}

void ChangeFormPage::showFailure(const QString &message)
{
    m_nonFieldErrors->setText(message);
    m_nonFieldErrors->show();
}

QPushButton *ChangeFormPage::revertButton(const QVariant &entryId) const
{
    // Through the items: buttons of a cleared history linger until deleteLater.
    for (int i = 0; i < m_history->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_history->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toString() == entryId.toString())
            return qobject_cast<QPushButton *>(m_history->itemWidget(item, 4));
    }
    return nullptr;
}

void ChangeFormPage::showHistory()
{
    m_history->clear(); // deletes the items and their revert buttons
    const int index = m_tabs->indexOf(m_history);
    m_tabs->setTabEnabled(index, !m_form.isAdding());
    if (m_form.isAdding())
        return;
    QList<HistoryEntry> entries;
    try {
        entries = ObjectHistory(m_form.modelMeta(), m_form.instance().pk()).entries();
    } catch (const Error &error) { // no admin log table (auth/admin not migrated): the form still works
        auto *item = new QTreeWidgetItem(m_history, {tr("History unavailable: %1").arg(error.message())});
        item->setFirstColumnSpanned(true);
        return;
    }
    if (entries.isEmpty()) {
        auto *item = new QTreeWidgetItem(m_history, {tr("This object doesn\u2019t have a change history. "
                                                        "It probably wasn\u2019t added via this admin site.")});
        item->setFirstColumnSpanned(true);
        return;
    }
    const bool mayRevert = !m_viewOnly && m_form.hasPermission(QStringLiteral("change"));
    for (const HistoryEntry &entry : std::as_const(entries)) {
        auto *item = new QTreeWidgetItem(m_history, {entry.actionTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                                                     entry.user, entry.action, entry.message});
        item->setData(0, Qt::UserRole, entry.id);
        for (const HistoryFieldChange &change : entry.changes) {
            QString text;
            if (change.hasOld && change.hasNew)
                text = QStringLiteral("%1 \u2192 %2").arg(change.oldText, change.newText);
            else
                text = change.hasNew ? change.newText : change.oldText;
            auto *child = new QTreeWidgetItem(item, {QString(), QString(), change.label, text});
            child->setData(0, Qt::UserRole, change.name);
            child->setToolTip(3, QStringLiteral("%1 \u2192 %2").arg(change.hasOld ? change.oldJson : tr("(none)"),
                                                                     change.hasNew ? change.newJson : tr("(none)")));
        }
        if (entry.isRevertible() && mayRevert) {
            auto *revert = new QPushButton(tr("Revert this change"), m_history);
            revert->setObjectName(QStringLiteral("revert_") + entry.id.toString());
            revert->setAccessibleName(tr("Revert the change of %1").arg(item->text(0)));
            const QVariant id = entry.id;
            connect(revert, &QPushButton::clicked, this, [this, id] { revertChange(id); });
            m_history->setItemWidget(item, 4, revert);
        }
    }
    m_history->expandAll();
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
}

bool ChangeFormPage::revertChange(const QVariant &entryId)
{
    if (m_form.isAdding())
        return false;
    QMessageBox box(QMessageBox::Question, tr("Revert this change?"),
                    isDirty() ? tr("Put back the values this change replaced? Your unsaved edits on this form will be lost.")
                              : tr("Put back the values this change replaced? The revert is saved and logged as a new change."),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("revertBox"));
    box.setDefaultButton(QMessageBox::No);
    if (ask(box) != QMessageBox::Yes)
        return false;
    const QVariant pk = m_form.instance().pk();
    try {
        ObjectHistory(m_form.modelMeta(), pk).revert(entryId, m_form.user(), m_form.admin());
        m_form.load(pk);
    } catch (const ValidationError &error) { // the old values are no longer valid
        showFailure(tr("Cannot revert this change: %1").arg(error.message()));
        return false;
    } catch (const Error &error) { // a later change of the same field, no permission, gone
        showFailure(error.message());
        return false;
    }
    fill();
    Q_EMIT saved(m_form.modelMeta().label(), pk);
    return true;
}

bool ChangeFormPage::confirmClose()
{
    if (!isDirty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Unsaved changes"), tr("Save your changes to %1 before closing?").arg(title()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("unsavedBox"));
    box.setDefaultButton(QMessageBox::Save);
    switch (ask(box)) {
    case QMessageBox::Save:
        return trySave();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

} // namespace quango
