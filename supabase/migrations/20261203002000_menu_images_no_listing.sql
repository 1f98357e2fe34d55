-- The `menu-images` bucket is public: its objects are served by their public URL, which Storage
-- reads privileged, whatever the policies say. The select policy for everyone only added the
-- listing: with the anon key, the bucket root listed one folder per restaurant id. Listing is now
-- for the restaurant's owners and managers, in their own folder — what Storage needs for their
-- uploads, replacements and removals (it reads the rows it writes back).

drop policy "Anyone can see menu photos" on storage.objects;

create policy "Owners and managers can list their restaurant's menu photos" on storage.objects
for select to authenticated using (
  bucket_id = 'menu-images'
  and (storage.foldername(name))[1] in (select r::text from private.restaurant_ids_with_role('{owner,manager}') r));
