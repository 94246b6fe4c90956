import type { SettingView } from './setting-view'

interface FormFieldsProps {
  /** The field name; each setting submits as `name[setting-id]`. */
  name: string
  /** The settings shown, by id. */
  settings: readonly string[]
  read: (id: string) => SettingView
  /** Not known yet: nothing is submitted, so a form sent too early cannot overwrite the saved choice with "off". */
  disabled: boolean
}

/**
 * One hidden input per shown setting, valued `"true"` or `"false"`: unlike a bare checkbox,
 * off is submitted too, so a native form post or a Server Action always receives the whole choice.
 * A recordings opt-in submits what it shows (off while the main setting is off).
 *
 * @selector [data-slot="form-field"] - each hidden input.
 */
export function FormFields({ name, settings, read, disabled }: FormFieldsProps) {
  return (
    <>
      {settings.map((id) => (
        <input
          key={id}
          type="hidden"
          data-slot="form-field"
          name={`${name}[${id}]`}
          value={read(id).effective ? 'true' : 'false'}
          disabled={disabled}
        />
      ))}
    </>
  )
}
