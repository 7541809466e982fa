#pragma once
#include "ui/dialogs/DeleteConfirmationDialog.h"
#include "views/admin/ModelForm.h"
#include <QHash>
#include <QMessageBox>
#include <QVariant>
#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTreeWidget;
class QVBoxLayout;

namespace quango {

// Django admin's change form for one record (or a new one): a widget per
// field, generated from the field's widget hint (never from its type name);
// required labels in bold, help texts, each field's errors in a label under
// it and the non-field errors on top; Save (Ctrl+S), Save and add another,
// Save and continue editing, Delete. The form logic is the ModelForm's.
//
// The add page of a ModelAdmin with addFieldsets shows those (for a user:
// username and two password inputs, echo mode Password); after the first
// save the page shows the object's change form (for a user: the password
// hash summary with "Change password…").
//
// For a logged-in user the page follows their permissions as Django's admin
// does: without the change permission a stored record is shown view-only
// (values as text, no Save), without the add permission there is no "Save
// and add another", without the delete permission no Delete. A "History" tab
// beside "Change" lists the object's admin log with each change's old and
// new values and a "Revert this change" button (ObjectHistory).
class ChangeFormPage : public QWidget {
    Q_OBJECT

public:
    // Shows a question and returns the button chosen. The default runs the
    // box modally; tests put an answer in its place.
    using Asker = std::function<QMessageBox::StandardButton(QMessageBox &box)>;

    // pk invalid: a new record. Throws the ORM's errors (DoesNotExist, ...).
    ChangeFormPage(const ModelMeta &model, const ModelAdmin &admin, const QVariant &pk = {}, QWidget *parent = nullptr);
    // The same for `user`, whose permissions the page follows and for whom it
    // writes and logs (an invalid AdminUser: nobody, as above).
    ChangeFormPage(const ModelMeta &model, const ModelAdmin &admin, const AdminUser &user, const QVariant &pk = {},
                   QWidget *parent = nullptr);

    ModelForm &form() { return m_form; }
    QString title() const;
    // The editor of a field ("title"): QLineEdit, QSpinBox, ..., or nullptr.
    QWidget *editor(const QString &name) const { return m_editors.value(name); }
    // The label under a field that shows its errors.
    QLabel *errorLabel(const QString &name) const { return m_errorLabels.value(name); }
    QLabel *nonFieldErrorLabel() const { return m_nonFieldErrors; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *saveAndAddButton() const { return m_saveAndAdd; }
    QPushButton *saveAndContinueButton() const { return m_saveAndContinue; }
    QPushButton *deleteButton() const { return m_delete; }
    // "Change" (the fields) and "History".
    QTabWidget *tabs() const { return m_tabs; }
    // The history: a row per log entry, a child row per changed field.
    QTreeWidget *historyTree() const { return m_history; }
    // The "Revert this change" button of a log entry, or nullptr.
    QPushButton *revertButton(const QVariant &entryId) const;
    // The user may look but not change (or add).
    bool isViewOnly() const { return m_viewOnly; }
    void setAsker(Asker asker) { m_asker = std::move(asker); }
    // Replaces running the delete confirmation modally (tests inspect and answer it).
    void setDeleteRunner(DeleteConfirmationDialog::Runner runner) { m_deleteRunner = std::move(runner); }

    // The widgets' values by field name, as ModelForm takes them.
    QVariantMap values() const;
    // True when the widgets differ from what was loaded.
    bool isDirty() const;
    // Asks about unsaved changes: true when the page may close.
    bool confirmClose();

public Q_SLOTS:
    // Each returns true when the record was saved.
    bool save();               // then closeRequested()
    bool saveAndAddAnother();  // then an empty form
    bool saveAndContinue();    // stays on the record
    bool deleteObject();       // confirms with what cascades (or is protected); then closeRequested()
    bool revertChange(const QVariant &entryId); // asks first; stays on the record

Q_SIGNALS:
    void saved(const QString &modelLabel, const QVariant &pk);
    void deleted(const QString &modelLabel, const QVariant &pk);
    void closeRequested();
    void titleChanged(const QString &title);

private:
    bool trySave();
    void build();
    // The Change tab's contents for the form's current fields.
    QWidget *buildFields();
    // What buildFields() built for: each field's name, and whether it shows a
    // stored user's password hash. A change (the first save of an add form
    // with addFieldsets, or of a user) rebuilds the tab.
    QStringList fieldsLayout() const;
    bool showsPasswordHash(const FormField &field) const;
    QWidget *createEditor(const FormField &field);
    void setEditorValue(const FormField &field, const QVariant &value);
    QVariant editorValue(const FormField &field) const;
    void fill();
    void showErrors();
    void showHistory();
    void showFailure(const QString &message);
    QMessageBox::StandardButton ask(QMessageBox &box);

    ModelForm m_form;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errorLabels;
    QHash<QString, QLabel *> m_readOnlyLabels;
    QLabel *m_heading = nullptr;
    QLabel *m_nonFieldErrors = nullptr;
    QScrollArea *m_scroll = nullptr;
    QStringList m_builtLayout;
    QPushButton *m_save = nullptr;
    QPushButton *m_saveAndAdd = nullptr;
    QPushButton *m_saveAndContinue = nullptr;
    QPushButton *m_delete = nullptr;
    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_history = nullptr;
    bool m_viewOnly = false;
    QVariantMap m_loadedValues;
    Asker m_asker;
    DeleteConfirmationDialog::Runner m_deleteRunner;
};

} // namespace quango
