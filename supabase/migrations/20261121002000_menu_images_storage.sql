-- Menu photos live in the public Storage bucket `menu-images`, one folder per restaurant:
-- `<restaurant_id>/<item_id>-<random>.webp`. Public because guests' phones and `<img>` tags load
-- them without a session; writing is limited to the restaurant's owners and managers, so the first
-- path segment is what the policies check.

insert into storage.buckets (id, name, public, file_size_limit, allowed_mime_types)
values ('menu-images', 'menu-images', true, 5 * 1024 * 1024, array['image/webp', 'image/jpeg', 'image/png'])
on conflict (id) do update set public = excluded.public, file_size_limit = excluded.file_size_limit,
  allowed_mime_types = excluded.allowed_mime_types;

create policy "Anyone can see menu photos" on storage.objects
for select to public using (bucket_id = 'menu-images');

create policy "Owners and managers can upload their restaurant's menu photos" on storage.objects
for insert to authenticated with check (
  bucket_id = 'menu-images'
  and (storage.foldername(name))[1] in (select r::text from private.restaurant_ids_with_role('{owner,manager}') r));

create policy "Owners and managers can replace their restaurant's menu photos" on storage.objects
for update to authenticated
using (
  bucket_id = 'menu-images'
  and (storage.foldername(name))[1] in (select r::text from private.restaurant_ids_with_role('{owner,manager}') r))
with check (
  bucket_id = 'menu-images'
  and (storage.foldername(name))[1] in (select r::text from private.restaurant_ids_with_role('{owner,manager}') r));

create policy "Owners and managers can delete their restaurant's menu photos" on storage.objects
for delete to authenticated using (
  bucket_id = 'menu-images'
  and (storage.foldername(name))[1] in (select r::text from private.restaurant_ids_with_role('{owner,manager}') r));
